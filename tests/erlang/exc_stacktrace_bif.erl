-module(exc_stacktrace_bif).
-export([main/0, id/1]).

id(X) -> X.

own(St) ->
    lists:reverse(lists:dropwhile(fun({M, _, _, _}) -> M =/= ?MODULE end, lists:reverse(St))).

main() ->
    show(fun() -> atom_to_list(id(42)) end),
    show(fun() -> [element(id(3), {a})] end),
    show(fun() -> {hd(id([]))} end),
    show(fun() -> [list_to_integer(id("12x"))] end),
    show(fun() -> [binary_to_atom(id(<<255>>), utf8)] end),
    show(fun() -> [maps:get(id(k), #{})] end),
    show(fun() -> [error(id(custom), [arg1, 2])] end),
    show(fun() -> [error(id(custom), none)] end),
    show(fun() -> [error(id(custom), [x], [{error_info, #{cause => test}}])] end),
    show(fun() -> [lists:nth(id(5), [a])] end),
    show(fun() -> [id(1) + id(a)] end),
    show(fun() -> [takes_two(id(1), id(2))] end),
    ok.

show(F) ->
    try F() catch C:R:St -> erlang:display({C, R}), [erlang:display(Fr) || Fr <- own(St)] end.

takes_two(A, B) when A > B -> ok.
