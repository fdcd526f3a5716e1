-module(exc_stacktrace_basic).
-export([main/0, id/1]).

%% Stack traces, trimmed to the frames up to this module's outermost one
%% (what lies beyond, the caller of main/0, differs between runtimes).

id(X) -> X.

own(St) ->
    lists:reverse(lists:dropwhile(fun({M, _, _, _}) -> M =/= ?MODULE end, lists:reverse(St))).

main() ->
    show(fun() -> a(id(1)) end),
    show(fun() -> a(id(2)) end),
    show(fun() -> a(id(3)) end),
    show(fun() -> tail_a(id(0)) end),
    show(fun() -> {ok, _} = id(error) end),
    try a(id(1)) catch error:R:St -> erlang:display({direct, R, own(St)}) end,
    try c(id(x)) catch throw:T:St2 -> erlang:display({thrown, T, own(St2)}) end,
    try exit(id(bye)) catch exit:X:St3 -> erlang:display({exited, X, own(St3)}) end,
    ok.

show(F) ->
    try F() catch C:R:St -> erlang:display({C, R, own(St)}) end.

a(X) -> [b(X)].
b(X) -> {c(X)}.
c(1) -> error(one);
c(2) -> 1 + id(two);
c(3) -> element(5, id({}));
c(X) -> throw(X).

tail_a(X) -> tail_b(X + 1).
tail_b(X) -> tail_c(X + 1).
tail_c(X) -> error({tail, X}).
