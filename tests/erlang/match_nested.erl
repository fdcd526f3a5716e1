-module(match_nested).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Trees = [leaf, {node, leaf, 1, leaf}, {node, {node, leaf, 1, leaf}, 2, {node, leaf, 3, leaf}},
             {node, {node, {node, leaf, 0, leaf}, 1, leaf}, 2, leaf}],
    [erlang:display({depth(T), sum(T), to_list(T), shape(T)}) || T <- [id(X) || X <- Trees]],
    Msgs = [{msg, {from, "alice"}, {to, ["bob", "carol"]}, {body, <<"hi">>}},
            {msg, {from, "bob"}, {to, []}, {body, <<>>}},
            {msg, {from, "x"}, {to, ["y"]}, {body, <<1, 2, 3>>}},
            {other, [{deep, [{deeper, {deepest, 42}}]}]}],
    [erlang:display(route(M)) || M <- [id(X) || X <- Msgs]],
    {A, [B, {C, [D | E]}], #{k := {F, _}}} = id({1, [2, {3, [4, 5, 6]}], #{k => {7, 8}}}),
    erlang:display([A, B, C, D, E, F]),
    [{X1, Y1} | _] = [{X2, Y2} || {X2, Y2} <- id([{1, 2}, {3, 4}])],
    erlang:display({X1, Y1}),
    ok.

depth(leaf) -> 0;
depth({node, L, _, R}) -> 1 + max(depth(L), depth(R)).

sum(leaf) -> 0;
sum({node, L, V, R}) -> sum(L) + V + sum(R).

to_list(leaf) -> [];
to_list({node, L, V, R}) -> to_list(L) ++ [V] ++ to_list(R).

shape({node, leaf, _, leaf}) -> single;
shape({node, {node, _, _, _}, _, {node, _, _, _}}) -> full;
shape({node, {node, {node, _, _, _}, _, _}, _, leaf}) -> left_deep;
shape(_) -> other.

route({msg, {from, F}, {to, []}, _}) -> {dropped, F};
route({msg, {from, F}, {to, [T]}, {body, <<First, _/binary>>}}) -> {direct, F, T, First};
route({msg, {from, F}, {to, [T | Rest]}, {body, B}}) -> {multi, F, T, length(Rest), B};
route({other, [{deep, [{deeper, {deepest, V}}]}]}) -> {deep, V}.
