-module(bs_base64).
-export([main/0]).

main() ->
    Inputs = [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>,
              <<0, 255, 128, 1>>, list_to_binary(lists:seq(0, 255))],
    [erlang:display(base64:encode(I)) || I <- Inputs],
    erlang:display([base64:decode(base64:encode(I)) =:= I || I <- Inputs]),
    erlang:display(base64:encode_to_string("hello world")),
    erlang:display(base64:decode_to_string("aGVsbG8gd29ybGQ=")),
    erlang:display(base64:decode(<<"aGVs bG8=\n">>)),
    erlang:display(base64:mime_decode(<<"aGVs!bG8=">>)),
    erlang:display(try base64:decode(<<"a">>) catch error:R -> {error, R} end),
    erlang:display(my_encode(<<"Many hands make light work.">>)),
    erlang:display(my_encode(<<"Many hands make light work.">>) =:= base64:encode(<<"Many hands make light work.">>)),
    ok.

my_encode(Bin) ->
    Full = (byte_size(Bin) div 3) * 3,
    <<Main:Full/binary, Rest/binary>> = Bin,
    Enc = << <<(c(A)), (c(B)), (c(C)), (c(D))>> || <<A:6, B:6, C:6, D:6>> <= Main >>,
    Tail = case Rest of
               <<>> -> <<>>;
               <<X:6, Y:2>> -> <<(c(X)), (c(Y bsl 4)), "==">>;
               <<X:6, Y:6, Z:4>> -> <<(c(X)), (c(Y)), (c(Z bsl 2)), "=">>
           end,
    <<Enc/binary, Tail/binary>>.

c(N) when N < 26 -> $A + N;
c(N) when N < 52 -> $a + N - 26;
c(N) when N < 62 -> $0 + N - 52;
c(62) -> $+;
c(63) -> $/.
