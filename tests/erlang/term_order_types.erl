-module(term_order_types).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Terms = [<<"b">>, [a], [], #{}, {}, {a, b}, abc, 42, 3.5, -(1 bsl 70), 1 bsl 70,
             <<1:3>>, "abc", {z}, #{a => 1}, a, 'B', [1 | 2], <<>>, fun lists:map/2, 0],
    Sorted = lists:sort(id(Terms)),
    erlang:display([T || T <- Sorted, not is_function(T)]),
    erlang:display(length(Sorted)),
    F = id(fun(X) -> X end),
    R = make_ref(),
    P = self(),
    erlang:display({1 < a, a < R, R < F, F < P, P < {}, {} < #{}, #{} < [], [] < [a], [a] < <<>>}),
    erlang:display({1.0e300 < a, zzz < R, R < fun lists:map/2, P < {0}}),
    erlang:display({F < {}, P < #{a => 1}, R > 99999999999999999999999}),
    erlang:display(lists:sort([{b, 1}, {a, 2}, {a, 1, 0}, {a, 1}, {}])),
    erlang:display(lists:sort([[b], [a, c], [a], [a | b], [], [a, b]])),
    erlang:display(lists:sort([<<2>>, <<1, 2>>, <<1>>, <<1:1>>, <<>>, <<0:7>>, <<255>>])),
    erlang:display(lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{c => 0}, #{}])),
    erlang:display(lists:sort(['Zed', zed, 'zed ', '', a, aa, 'A'])),
    erlang:display(lists:sort([#{1 => a}, #{1.0 => a}, #{a => 1}])),
    erlang:display(lists:sort([{1, 2.0}, {1.0, 2}, {1, 2}])),
    erlang:display({{1, 2} < {1, 3}, {2} < {1, 1}, [2] > [1, 1], "abc" < "abd", "ab" < "abc"}),
    erlang:display({a =:= a, <<"a">> == "a", [] == <<>>, {} == []}),
    ok.
