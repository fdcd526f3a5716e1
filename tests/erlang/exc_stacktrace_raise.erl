-module(exc_stacktrace_raise).
-export([main/0, id/1]).

id(X) -> X.

own(St) ->
    lists:reverse(lists:dropwhile(fun({M, _, _, _}) -> M =/= ?MODULE end, lists:reverse(St))).

main() ->
    Fake = [{mod_a, fun_a, 2, [{file, "a.erl"}, {line, 10}]}, {mod_b, fun_b, [x, y], []}],
    try erlang:raise(error, id(fake), Fake) catch error:R:St -> erlang:display({R, St}) end,
    try erlang:raise(throw, id(fake), []) catch throw:R2:St2 -> erlang:display({R2, St2}) end,
    try wrap(fun() -> error(id(inner)) end) catch error:R3:St3 -> erlang:display({R3, own(St3)}) end,
    try wrap(fun() -> throw(id(inner)) end) catch throw:R4:St4 -> erlang:display({R4, own(St4)}) end,
    St5 = try error(id(keep)) catch error:_:S -> own(S) end,
    erlang:display(St5),
    try erlang:raise(exit, id(again), St5) catch exit:R6:St6 -> erlang:display({R6, St6 =:= St5}) end,
    ok.

wrap(F) ->
    try [F()]
    catch Class:Reason:Stack -> erlang:raise(Class, {wrapped, Reason}, Stack)
    end.
