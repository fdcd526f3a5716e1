-module(exc_raise).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(try erlang:raise(throw, id(t), []) catch C:R -> {C, R} end),
    erlang:display(try erlang:raise(error, id(e), []) catch C1:R1 -> {C1, R1} end),
    erlang:display(try erlang:raise(exit, id(x), []) catch C2:R2 -> {C2, R2} end),
    erlang:display(erlang:raise(id(bogus_class), x, [])),
    erlang:display(erlang:raise(error, x, id(not_a_stacktrace))),
    erlang:display(reraise(fun() -> throw(a) end)),
    erlang:display(reraise(fun() -> error(b) end)),
    erlang:display(reraise(fun() -> exit(c) end)),
    erlang:display(try erlang:raise(error, id(with_stack), [{m, f, 1, []}]) catch error:E:S -> {E, S} end),
    erlang:display(try erlang:raise(throw, id(with_stack), [{m, f, [a1], [{line, 3}]}]) catch throw:E2:S2 -> {E2, S2} end),
    erlang:display(cleanup_and_reraise(id(fail))),
    erlang:display(get(cleaned)),
    ok.

reraise(F) ->
    try
        try F() catch Class:Reason:Stack -> erlang:raise(Class, {reraised, Reason}, Stack) end
    catch C:R -> {C, R}
    end.

cleanup_and_reraise(X) ->
    try
        try error(X)
        catch error:R:St -> put(cleaned, true), erlang:raise(error, R, St)
        end
    catch error:R2 -> {outer, R2}
    end.
