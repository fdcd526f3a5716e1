-module(exc_comprehension_errors).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> [X || X <- id(not_a_list)] end)),
    erlang:display(t(fun() -> [X || X <- id([1, 2 | tail])] end)),
    erlang:display(t(fun() -> [X || X <- id([1, 2, 3]), id(maybe)] end)),
    erlang:display(t(fun() -> [X || X <- id([1, 2, 3]), X > 1] end)),
    erlang:display(t(fun() -> << <<X>> || <<X>> <= id(not_a_binary) >> end)),
    erlang:display(t(fun() -> << <<X>> || X <- id([1, 2, 300]) >> end)),
    erlang:display(t(fun() -> << <<X>> || X <- id([1, a]) >> end)),
    erlang:display(t(fun() -> [1 / X || X <- id([1, 0])] end)),
    erlang:display(t(fun() -> [X || {X} <- id([{1}, 2, {3}, {4, 5}])] end)),
    erlang:display(t(fun() -> [X || <<X:3>> <= id(<<255, 1:2>>)] end)),
    erlang:display(t(fun() -> [Y || X <- id([1, 2]), Y <- id(X)] end)),
    ok.
