-module(match_repeated_var).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [{1, 1}, {1, 1.0}, {a, b}, {[x], [x]}, {<<"q">>, <<"q">>}, {{1, 2}, {1, 2}},
            {#{a => 1}, #{a => 1}}, {1 bsl 70, 1 bsl 70}, {2.0, 2.0}],
    [erlang:display({V, same(V)}) || V <- [id(X) || X <- Vals]],
    erlang:display([triple(T) || T <- id([{a, a, a}, {a, a, b}, {a, b, a}, {b, a, a}, {1, 1, 1}])]),
    erlang:display([palin(L) || L <- id([[], [a], [a, b, a], [a, b], [1, 2, 2, 1], [1, 2, 3, 1]])]),
    erlang:display(count_pairs(id([1, 1, 2, 3, 3, 3, a, a, b]))),
    X = id(5),
    erlang:display(case id({5, 6}) of {X, Y} -> {bound_match, Y}; _ -> no end),
    erlang:display(case id({6, 5}) of {X, _} -> yes; {_, X} -> second; _ -> no end),
    erlang:display([K || {K, K} <- id([{1, 1}, {2, 3}, {c, c}, {d, e}])]),
    erlang:display(lookup(id(b), [{a, 1}, {b, 2}, {c, 3}])),
    erlang:display(lookup(id(z), [{a, 1}])),
    ok.

same({X, X}) -> same;
same({_, _}) -> different.

triple({X, X, X}) -> all;
triple({X, X, _}) -> first_two;
triple({X, _, X}) -> outer;
triple({_, X, X}) -> last_two.

palin(L) -> L =:= lists:reverse(L) andalso palin_match(L, lists:reverse(L)).
palin_match([], []) -> true;
palin_match([H | T1], [H | T2]) -> palin_match(T1, T2).

count_pairs([X, X | T]) -> 1 + count_pairs([X | T]);
count_pairs([_ | T]) -> count_pairs(T);
count_pairs([]) -> 0.

lookup(K, [{K, V} | _]) -> {found, V};
lookup(K, [_ | T]) -> lookup(K, T);
lookup(_, []) -> not_found.
