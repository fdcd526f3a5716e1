-module(bs_match_binary_rest).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    B = id(<<"header:payload-data;trailer">>),
    <<H:6/binary, $:, Rest/binary>> = B,
    erlang:display({H, Rest}),
    <<First:3/bytes, _:3/binary-unit:8, Tail/bits>> = B,
    erlang:display({First, Tail}),
    <<Bits:5/bits, More/bitstring>> = id(<<255, 0>>),
    erlang:display({Bits, More}),
    erlang:display(split_at(B, $;)),
    erlang:display(split_at(B, $-)),
    erlang:display(split_at(B, $#)),
    <<Len:16, Str:Len/binary, Rest2/binary>> = id(<<0, 5, "hello", "world">>),
    erlang:display({Len, Str, Rest2}),
    erlang:display(lengths(id(<<3, "abc", 0, 2, "de", 1, "f">>))),
    erlang:display(case id(<<1, 2, 3>>) of <<_, _/binary>> = Whole -> {whole, Whole} end),
    erlang:display(case id(<<>>) of <<_, _/binary>> -> nonempty; <<>> -> empty end),
    erlang:display(case id(<<1:4>>) of <<_/binary>> -> binary; <<_/bitstring>> -> bitstring end),
    <<A:8, B2:8/binary-unit:1, _/bits>> = id(<<9, 8, 7, 6>>),
    erlang:display({A, B2}),
    erlang:display(last_byte(id(<<"abcdef">>))),
    erlang:display(strip_trailing_zeros(id(<<1, 2, 0, 3, 0, 0, 0>>))),
    ok.

split_at(Bin, Sep) -> split_at(Bin, Sep, 0).
split_at(Bin, Sep, N) ->
    case Bin of
        <<Before:N/binary, Sep, After/binary>> -> {Before, After};
        <<_:N/binary>> -> nomatch;
        _ -> split_at(Bin, Sep, N + 1)
    end.

lengths(<<>>) -> [];
lengths(<<L, S:L/binary, R/binary>>) -> [S | lengths(R)].

last_byte(B) ->
    N = byte_size(B) - 1,
    <<_:N/binary, L>> = B,
    L.

strip_trailing_zeros(B) ->
    N = byte_size(B) - 1,
    case B of
        <<Init:N/binary, 0>> -> strip_trailing_zeros(Init);
        _ -> B
    end.
