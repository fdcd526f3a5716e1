-module(arith_float_round).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Xs = [0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1.0e15 + 0.5,
          2.7, -2.7, 3.0, -3.0, 1.0e20, -1.0e20, 123456789.987654321, 4.5e18, 9.3e18],
    [erlang:display({X, round(X), trunc(X), ceil(X), floor(X)}) || X <- [id(Y) || Y <- Xs]],
    erlang:display([round(id(I)) || I <- [3, -3, 1 bsl 70]]),
    erlang:display([trunc(id(I)) || I <- [3, -3, 1 bsl 70]]),
    erlang:display([ceil(id(I)) || I <- [3, -3]]),
    erlang:display([floor(id(I)) || I <- [3, -3]]),
    erlang:display(round(id(1.0e300)) =:= trunc(1.0e300)),
    erlang:display(round(id(1.0e30))),
    erlang:display(trunc(id(-1.0e25))),
    erlang:display(t(fun() -> round(id(foo)) end)),
    erlang:display(t(fun() -> trunc(id("1")) end)),
    erlang:display(math:floor(id(2.5))),
    erlang:display(math:ceil(id(2.5))),
    erlang:display(float(round(id(7.5)))),
    ok.
