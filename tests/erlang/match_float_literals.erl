-module(match_float_literals).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [0.0, -0.0, 1.0, 1, 2.5, -2.5, 3.14159, 1.0e10, 1.0e-10, 0, 2, a],
    [erlang:display({V, f(V), g(V)}) || V <- [id(X) || X <- Vals]],
    ok.

f(0.0) -> zero_float;
f(1.0) -> one_float;
f(1) -> one_int;
f(2.5) -> two_and_half;
f(-2.5) -> minus_two_and_half;
f(3.14159) -> pi_ish;
f(1.0e10) -> ten_billion;
f(1.0e-10) -> tiny;
f(0) -> zero_int;
f(_) -> other.

g(X) ->
    case X of
        +0.0 -> pos_zero;
        2.0 -> two_float;
        2 -> two_int;
        _ when X == 1 -> equal_one;
        _ -> other
    end.
