-module(arith_small).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    A = id(17), B = id(-5), C = id(0),
    erlang:display(A + B),
    erlang:display(A - B),
    erlang:display(A * B),
    erlang:display(A div B),
    erlang:display(A rem B),
    erlang:display(B div A),
    erlang:display(B rem A),
    erlang:display(C * B),
    erlang:display(-A),
    erlang:display(+B),
    erlang:display(A band 6),
    erlang:display(A bor 6),
    erlang:display(A bxor 6),
    erlang:display(bnot A),
    erlang:display(bnot B),
    erlang:display(A bsl 3),
    erlang:display(A bsr 2),
    erlang:display(B bsr 1),
    erlang:display(B bsl 4),
    erlang:display(abs(B)),
    erlang:display(abs(A)),
    erlang:display([X * X - 3 * X + 2 || X <- lists:seq(-5, 5)]),
    erlang:display(lists:foldl(fun(X, Acc) -> Acc * 3 + X end, 0, lists:seq(1, 20))),
    erlang:display(sum_to(id(1000))),
    erlang:display(poly(id(7))),
    erlang:display([{X, X div 3, X rem 3} || X <- [-7, -6, -1, 0, 1, 6, 7]]),
    erlang:display(erlang:max(A, B)),
    erlang:display(erlang:min(A, B)),
    erlang:display(A + 1 - 1 =:= A),
    erlang:display((A * 1000 + 999) div 1000),
    ok.

sum_to(0) -> 0;
sum_to(N) -> N + sum_to(N - 1).

poly(X) -> ((X * 2 + 3) * X - 4) * X + 5.
