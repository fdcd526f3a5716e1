-module(arith_guard_exprs).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [0, 1, 2, -3, 10, 1 bsl 70, 2.0, 1.5, a, "x", {1}],
    [erlang:display({V, classify(V), half(V), bits(V)}) || V <- [id(X) || X <- Vals]],
    ok.

%% Arithmetic that raises inside a guard makes the guard false.
classify(X) when 10 div X > 4 -> big_reciprocal;
classify(X) when X * 2 > 100 -> huge;
classify(X) when X + 1 =:= 3.0 -> two_float;
classify(X) when -X > 0 -> negative;
classify(X) when abs(X) >= 0 -> number;
classify(_) -> other.

half(X) when X rem 2 =:= 0 -> {even, X div 2};
half(X) when is_integer(X) -> {odd, X div 2};
half(X) when X / 2 > 0 -> {float, X / 2};
half(_) -> none.

bits(X) when X band 1 =:= 1, X bsr 1 > 0 -> odd_big;
bits(X) when (X bsl 2) > 1000 -> shifted_big;
bits(X) when bnot X =:= -1 -> zero;
bits(X) when trunc(X) =:= 1 -> trunc_one;
bits(X) when float(X) > 1.0 -> float_big;
bits(_) -> other.
