-module(lists_flatten_append).
-export([main/0]).

main() ->
    erlang:display(lists:append([[1, 2], [], [3], [4, 5, 6]])),
    erlang:display(lists:append("abc", "def")),
    erlang:display(lists:append([], [x])),
    erlang:display(lists:flatten([1, [2, [3, [4]], []], [[[]]], 5])),
    erlang:display(lists:flatten([[a | [b]], [c, [d | [e]]]], [tail])),
    erlang:display(lists:flatten([])),
    erlang:display(lists:flatten(["abc", [$d, "ef"], []])),
    erlang:display(lists:flatlength([1, [2, [3, 4]], [], 5])),
    erlang:display(lists:concat([abc, "def", 123, 4.5])),
    erlang:display(lists:flatmap(fun(X) -> [X, X] end, [1, 2, 3])),
    Deep = lists:foldl(fun(X, Acc) -> [Acc, X] end, [], lists:seq(1, 10000)),
    F = lists:flatten(Deep),
    erlang:display({length(F), lists:sum(F), lists:last(F)}),
    erlang:display(lists:reverse([1, 2, 3], [4, 5])),
    erlang:display(lists:reverse([])),
    erlang:display(lists:reverse(lists:seq(1, 20))),
    ok.
