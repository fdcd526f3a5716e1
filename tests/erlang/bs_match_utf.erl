-module(bs_match_utf).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    U8 = id(<<"aé€😀"/utf8>>),
    erlang:display(decode8(U8)),
    erlang:display(decode16(id(<<"aé€😀"/utf16>>))),
    erlang:display(decode16l(id(<<"aé€😀"/utf16-little>>))),
    erlang:display(decode32(id(<<"aé€😀"/utf32>>))),
    erlang:display(decode8(id(<<"ok", 255, "rest">>))),
    erlang:display(decode8(id(<<"x", 16#C0, 16#80>>))),
    erlang:display(decode8(id(<<"x", 16#ED, 16#A0, 16#80>>))),
    erlang:display(decode8(id(<<"x", 16#E2, 16#82>>))),
    erlang:display(decode8(id(<<16#F4, 16#90, 16#80, 16#80>>))),
    erlang:display(decode16(id(<<16#D8, 16#00, 16#00, 16#41>>))),
    erlang:display(decode32(id(<<0, 17, 0, 0>>))),
    erlang:display(decode32(id(<<0, 0, 16#D8, 0>>))),
    <<C1/utf8, C2/utf8, Rest/binary>> = U8,
    erlang:display({C1, C2, Rest}),
    erlang:display([C || <<C/utf8>> <= U8]),
    erlang:display(count(id(binary:copy(<<"ñandú"/utf8>>, 1000)), 0)),
    erlang:display(case U8 of <<"a"/utf8, "é"/utf8, _/binary>> -> literal_utf8_prefix; _ -> no end),
    erlang:display(case id(<<"é"/utf16>>) of <<"é"/utf16>> -> utf16_literal; _ -> no end),
    ok.

decode8(B) -> decode8(B, []).
decode8(<<C/utf8, R/binary>>, Acc) -> decode8(R, [C | Acc]);
decode8(<<>>, Acc) -> lists:reverse(Acc);
decode8(R, Acc) -> {lists:reverse(Acc), {invalid, R}}.

decode16(<<C/utf16, R/binary>>) -> [C | decode16(R)];
decode16(<<>>) -> [];
decode16(R) -> [{invalid, R}].

decode16l(<<C/utf16-little, R/binary>>) -> [C | decode16l(R)];
decode16l(<<>>) -> [].

decode32(<<C/utf32, R/binary>>) -> [C | decode32(R)];
decode32(<<>>) -> [];
decode32(R) -> [{invalid, R}].

count(<<_/utf8, R/binary>>, N) -> count(R, N + 1);
count(<<>>, N) -> N.
