-module(match_alias).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(f(id({pair, [1, 2, 3], #{k => v}}))),
    erlang:display(f(id({pair, [], #{}}))),
    erlang:display(g(id([{a, 1}, {b, 2}]))),
    {A, B} = C = id({1, 2}),
    erlang:display({A, B, C}),
    D = E = F = id([x]),
    erlang:display({D, E, F}),
    [H | _] = T = id("hello"),
    erlang:display({H, T}),
    {X, Y} = {Y1, X1} = id({same, same}),
    erlang:display({X, Y, X1, Y1}),
    erlang:display(try {Q, _} = {_, Q} = id({1, 2}) catch error:R -> {error, R} end),
    <<Len:8, _/binary>> = Bin = id(<<3, "abc">>),
    erlang:display({Len, Bin}),
    #{a := MA} = M = id(#{a => 1, b => 2}),
    erlang:display({MA, M}),
    erlang:display([W || {_, _} = W <- id([{1, 2}, {3}, {4, 5}, x])]),
    ok.

f({pair, [First | _] = L, #{k := V} = M} = Whole) -> {First, length(L), V, map_size(M), tuple_size(Whole)};
f({pair, [] = L, M} = _) -> {empty, L, M}.

g([{K, _} = P | Rest] = All) -> {K, P, length(Rest), length(All)}.
