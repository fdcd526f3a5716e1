-module(arith_mixed_compare).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Pairs = [{1, 1.0}, {1, 1}, {1.0, 1.0}, {0, 0.0}, {0, -0.0}, {0.0, -0.0}, {2, 1.5},
             {-1, -1.5}, {1 bsl 64, float(1 bsl 64)}, {1 bsl 64 + 1, float(1 bsl 64)},
             {9007199254740993, 9007199254740992.0}, {1 bsl 1100, 1.0e308},
             {-(1 bsl 1100), -1.0e308}, {3, 3.0000000000000004}],
    [erlang:display({X, Y, X == Y, X =:= Y, X /= Y, X =/= Y, X < Y, X > Y, X =< Y, X >= Y})
     || {X, Y} <- [id(P) || P <- Pairs]],
    erlang:display(lists:sort([id(3), 2.0, 1, 2, 1.0, 3.5, -1, -1.0, 0, 0.0])),
    erlang:display(lists:usort([id(3), 2.0, 1, 2, 1.0, 3.5])),
    erlang:display(lists:member(id(1.0), [1, 2, 3])),
    erlang:display(lists:keyfind(id(1.0), 1, [{1, a}, {1.0, b}])),
    erlang:display(lists:keysearch(id(1), 1, [{1.0, b}, {1, a}])),
    erlang:display(erlang:max(id(1), 1.0)),
    erlang:display(erlang:max(id(1.0), 1)),
    erlang:display(erlang:min(id(1), 1.0)),
    erlang:display(erlang:min(id(1.0), 1)),
    erlang:display({id(1), a} == {1.0, a}),
    erlang:display({id(1), a} =:= {1.0, a}),
    erlang:display([id(1), 2] == [1.0, 2.0]),
    erlang:display(#{a => id(1)} == #{a => 1.0}),
    erlang:display(#{id(1) => a} == #{1.0 => a}),
    ok.
