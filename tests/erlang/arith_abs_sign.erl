-module(arith_abs_sign).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Xs = [0, 1, -1, 59, -59, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59, -(1 bsl 59) - 1,
          1 bsl 64, -(1 bsl 64), 2.5, -2.5, 0.0],
    [erlang:display({X, abs(X), -X, +X, sign(X)}) || X <- [id(Y) || Y <- Xs]],
    [erlang:display({X, bnot X, bnot bnot X}) || X <- [id(Y) || Y <- Xs, is_integer(Y)]],
    erlang:display(lists:map(fun erlang:abs/1, [id(-3), 4, -5.5])),
    erlang:display([-(-X) =:= X || X <- [id(Y) || Y <- Xs]]),
    ok.

sign(X) when X > 0 -> 1;
sign(X) when X < 0 -> -1;
sign(_) -> 0.
