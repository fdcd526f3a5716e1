-module(select_tuple_arity).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [{}, {a}, {a, b}, {a, b, c}, {a, b, c, d}, {x, 1}, {y, 1, 2}, {point, 1, 2},
            {point, 1, 2, 3}, list_to_tuple(lists:seq(1, 10)), list_to_tuple(lists:seq(1, 100)),
            [a], 5],
    [erlang:display(arity(V)) || V <- [id(X) || X <- Vals]],
    [erlang:display(tag(V)) || V <- [id(X) || X <- Vals]],
    ok.

arity({}) -> 0;
arity({_}) -> 1;
arity({_, _}) -> 2;
arity({_, _, _}) -> 3;
arity({_, _, _, _}) -> 4;
arity({_, _, _, _, _, _, _, _, _, _}) -> 10;
arity(T) when is_tuple(T) -> {big, tuple_size(T)};
arity(_) -> not_tuple.

tag({point, X, Y}) -> {point2d, X + Y};
tag({point, X, Y, Z}) -> {point3d, X + Y + Z};
tag({x, V}) -> {x, V};
tag({y, A, B}) -> {y, A * B};
tag({A, B}) -> {pair, A, B};
tag({A, _, C}) -> {triple, A, C};
tag(T) when is_tuple(T), tuple_size(T) > 50 -> {large, element(50, T)};
tag(_) -> none.
