-module(exc_badmatch).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> {a, _} = id({b, c}) end)),
    erlang:display(t(fun() -> [_, _] = id([1, 2, 3]) end)),
    erlang:display(t(fun() -> 1 = id(1.0) end)),
    erlang:display(t(fun() -> <<X:8>> = id(<<1, 2>>), X end)),
    erlang:display(t(fun() -> #{k := V} = id(#{j => 1}), V end)),
    erlang:display(t(fun() -> "abc" = id("abd") end)),
    erlang:display(t(fun() -> {ok, _} = id(error) end)),
    erlang:display(t(fun() -> X = id(1), X = id(2) end)),
    erlang:display(t(fun() -> [H | _] = id([]), H end)),
    erlang:display(t(fun() -> {X, X} = id({1, 2}) end)),
    erlang:display(t(fun() -> ok = id(lists:seq(1, 5)) end)),
    erlang:display(t(fun() -> <<"pre", R/binary>> = id(<<"bad">>), R end)),
    erlang:display(t(fun() -> {A, B} = id({1, 2}), A + B end)),
    erlang:display(t(fun() -> true = id(1 > 2) end)),
    erlang:display(t(fun() -> [a, b | T] = id([a, b]), T end)),
    ok.
