-module(arith_divrem_edge).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {0, -5}, {5, 7}, {-5, 7},
             {1, 1}, {-1, 1}, {1, -1}],
    [erlang:display({X, Y, X div Y, X rem Y}) || {X, Y} <- [id(P) || P <- Pairs]],
    MinSmall = id(-(1 bsl 59)),
    MaxSmall = id((1 bsl 59) - 1),
    erlang:display(MinSmall div -1),
    erlang:display(MinSmall rem -1),
    erlang:display(MaxSmall div -1),
    erlang:display(MinSmall * -1),
    erlang:display(-MinSmall),
    erlang:display(MinSmall div 2),
    erlang:display(MinSmall rem 3),
    I64 = id(-(1 bsl 63)),
    erlang:display(I64 div -1),
    erlang:display(I64 rem -1),
    erlang:display(I64 div 1),
    erlang:display(I64 * -1),
    Big = id(1 bsl 100),
    erlang:display(Big div Big),
    erlang:display(Big div (Big + 1)),
    erlang:display(Big rem (Big - 1)),
    erlang:display(-Big div 3),
    erlang:display(-Big rem 3),
    erlang:display(Big div -3),
    erlang:display(Big rem -3),
    erlang:display(5 div Big),
    erlang:display(-5 rem Big),
    erlang:display(t(fun() -> id(1) div id(0) end)),
    erlang:display(t(fun() -> id(1) rem id(0) end)),
    erlang:display(t(fun() -> Big div id(0) end)),
    erlang:display(t(fun() -> Big rem id(0) end)),
    erlang:display(t(fun() -> id(1.5) div id(1) end)),
    erlang:display(t(fun() -> id(7) rem id(2.0) end)),
    erlang:display([X div 10 || X <- [-21, -20, -19, -11, -10, -9, -1, 0, 1, 9, 10, 11]]),
    erlang:display([X rem 10 || X <- [-21, -20, -19, -11, -10, -9, -1, 0, 1, 9, 10, 11]]),
    ok.
