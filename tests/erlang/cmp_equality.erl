-module(cmp_equality).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Pairs = [{[1, 2, 3], [1.0, 2, 3]}, {{a, 1}, {a, 1.0}}, {<<1, 2>>, <<1, 2>>},
             {<<1:1>>, <<1:2>>}, {#{a => 1}, #{a => 1.0}}, {#{1 => a}, #{1.0 => a}},
             {"abc", [$a, $b, $c]}, {[], []}, {{}, {}}, {a, 'a'}, {[a | b], [a | b]},
             {[[1]], [[1.0]]}, {{1, {2, {3.0}}}, {1.0, {2, {3}}}}, {1 bsl 70, 1 bsl 70},
             {float(1 bsl 70), 1 bsl 70}, {<<"ab">>, "ab"}],
    [erlang:display({X == Y, X =:= Y, X /= Y, X =/= Y}) || {X, Y} <- [id(P) || P <- Pairs]],
    erlang:display([X || X <- [1, 1.0, 2, 2.0], X == 1]),
    erlang:display([X || X <- [1, 1.0, 2, 2.0], X =:= 1]),
    erlang:display(eq(id(1), id(1.0))),
    erlang:display(eq(id(a), id(a))),
    erlang:display(eq(id([1]), id([1.0]))),
    erlang:display(exact(id(1), id(1.0))),
    erlang:display(exact(id(x), id(x))),
    ok.

eq(X, Y) when X == Y -> equal;
eq(_, _) -> different.

exact(X, X) -> same;
exact(_, _) -> not_same.
