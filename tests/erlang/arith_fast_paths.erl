-module(arith_fast_paths).
-export([main/0, id/1]).
id(X) -> X.
main() ->
    Vals = [0, 1, -1, 7, -7, 123456789, -987654321, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 40, -(1 bsl 40), 3037000499, 3037000500, 1 bsl 30, 1 bsl 29],
    R = [{A * B, A band B, A bor B, A bxor B, A + B, A - B} || A0 <- Vals, B0 <- Vals, A <- [id(A0)], B <- [id(B0)]],
    erlang:display(erlang:phash2(R)),
    erlang:display(lists:sublist(R, 40)),
    erlang:display(try id(a) * 2 catch C1:E1 -> {C1, E1} end),
    erlang:display(try id(a) band 2 catch C2:E2 -> {C2, E2} end),
    erlang:display(try id(1.5) bor 2 catch C3:E3 -> {C3, E3} end),
    ok.
