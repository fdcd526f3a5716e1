-module(arith_bignum_convert).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    N = id(340282366920938463463374607431768211457),
    M = id(-98765432109876543210987654321),
    [erlang:display({B, integer_to_list(N, B), integer_to_list(M, B)}) || B <- [2, 3, 8, 10, 16, 36]],
    erlang:display(integer_to_binary(N)),
    erlang:display(integer_to_binary(M, 16)),
    erlang:display(list_to_integer(integer_to_list(N, 7), 7) =:= N),
    erlang:display(list_to_integer("-" ++ integer_to_list(N, 36), 36) =:= -N),
    erlang:display(list_to_integer(id("123456789012345678901234567890123456789012345678901234567890"))),
    erlang:display(list_to_integer(id("-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"), 36)),
    erlang:display(list_to_integer(id("ffffffffffffffffffffffffffffffff"), 16)),
    erlang:display(binary_to_integer(id(<<"+000000000000000000000000000000000000012">>))),
    erlang:display(binary_to_integer(id(<<"-18446744073709551616">>))),
    erlang:display(binary_to_integer(id(<<"1010101010101010101010101010101010101010101010101010101010101010101">>), 2)),
    erlang:display(float(N)),
    erlang:display(trunc(float(N)) =:= N),
    erlang:display(round(1.0e25)),
    erlang:display(term_to_binary(N)),
    erlang:display(term_to_binary(M)),
    erlang:display(binary_to_term(term_to_binary(N * N * N)) =:= N * N * N),
    erlang:display(length(integer_to_list(1 bsl 10000))),
    erlang:display(lists:sublist(integer_to_list(1 bsl 10000), 20)),
    erlang:display(list_to_integer(integer_to_list(1 bsl 10000)) =:= 1 bsl 10000),
    ok.
