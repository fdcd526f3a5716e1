-module(exc_stacktrace_nested).
-export([main/0, id/1]).

id(X) -> X.

own(St) ->
    lists:reverse(lists:dropwhile(fun({M, _, _, _}) -> M =/= ?MODULE end, lists:reverse(St))).

main() ->
    try depth(id(5)) catch error:R:St -> erlang:display({R, own(St)}) end,
    try lists:map(fun(X) -> 10 div X end, id([1, 2, 0])) catch error:R2:St2 -> erlang:display({R2, own(St2)}) end,
    try lists:foldl(fun(X, _) -> check(X) end, 0, id([a, b])) catch throw:R3:St3 -> erlang:display({R3, own(St3)}) end,
    try (fun Loop(0) -> error(loop_done); Loop(N) -> [Loop(N - 1)] end)(id(2))
    catch error:R4:St4 -> erlang:display({R4, own(St4)})
    end,
    try rethrow(id(z)) catch error:R5:St5 -> erlang:display({R5, own(St5)}) end,
    try in_catch(id(q)) catch error:R6:St6 -> erlang:display({R6, own(St6)}) end,
    ok.

depth(0) -> error(bottom);
depth(N) -> 1 + depth(N - 1).

check(a) -> ok;
check(X) -> throw({bad, X}).

rethrow(X) ->
    try error({first, X})
    catch error:R:St -> erlang:raise(error, {wrapped, R}, St)
    end.

in_catch(X) ->
    try throw(X)
    catch throw:Y -> [error({from_catch, Y})]
    end.
