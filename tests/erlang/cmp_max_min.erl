-module(cmp_max_min).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Pairs = [{1, 2}, {2.0, 2}, {2, 2.0}, {a, 1}, {"a", a}, {{}, []}, {<<>>, []},
             {1 bsl 80, 1.0e30}, {-1.0e30, -(1 bsl 80)}, {#{}, {a, b, c}}, {[], "a"}],
    [erlang:display({max(X, Y), min(X, Y), erlang:max(Y, X), erlang:min(Y, X)}) || {X, Y} <- [id(P) || P <- Pairs]],
    erlang:display(lists:max([3, 1.0, a, [1], {}, <<0>>, 9])),
    erlang:display(lists:min([3, 1.0, a, [1], {}, <<0>>, 9, 1])),
    erlang:display(lists:max([1, 1.0])),
    erlang:display(lists:max([1.0, 1])),
    erlang:display(lists:min([1, 1.0])),
    erlang:display(lists:min([1.0, 1])),
    ok.
