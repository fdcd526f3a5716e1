-module(list_append_subtract).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(id([1, 2]) ++ [3, 4]),
    erlang:display(id([]) ++ [a]),
    erlang:display(id([a]) ++ []),
    erlang:display(id([a]) ++ b),
    erlang:display(id("abc") ++ "def" ++ "ghi"),
    erlang:display(id([1, 2, 3, 2, 1]) -- [2]),
    erlang:display(id([1, 2, 3, 2, 1]) -- [2, 2, 2]),
    erlang:display(id([a, b, c]) -- [c, a]),
    erlang:display(id([a, b, c]) -- []),
    erlang:display(id([]) -- [a]),
    erlang:display(id([1, 1.0, 1]) -- [1.0]),
    erlang:display(id([{a}, {b}, {a}]) -- [{a}]),
    erlang:display(id("hello world") -- "lo"),
    erlang:display(id([1, 2, 3]) -- [1, 2] -- [2]),
    erlang:display((id([1, 2, 3]) -- [1, 2]) -- [2]),
    erlang:display(id([1, 2]) ++ [3] -- [1, 3]),
    Big = lists:seq(1, 20000),
    erlang:display(length(Big -- lists:seq(1, 20000, 2))),
    erlang:display(lists:sum(Big -- lists:seq(2, 20000, 2))),
    erlang:display(length(Big ++ Big)),
    erlang:display(try id(a) ++ [b] catch error:R -> {error, R} end),
    erlang:display(try id([a | b]) ++ [c] catch error:R2 -> {error, R2} end),
    erlang:display(try id([a]) -- b catch error:R3 -> {error, R3} end),
    erlang:display(try id([a | b]) -- [a] catch error:R4 -> {error, R4} end),
    erlang:display(lists:foldl(fun(X, Acc) -> Acc ++ [X] end, [], lists:seq(1, 10))),
    ok.
