-module(exc_exit_values).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Reasons = [normal, kill, shutdown, {shutdown, reason}, "string", 42, [a, b], #{k => v}, <<"bin">>, {a, {b, [c]}}],
    [erlang:display({catch exit(id(R)), try exit(id(R)) catch exit:X -> X end}) || R <- Reasons],
    erlang:display(try exit(id(self()) =:= self()) catch exit:S -> {self_compare, S} end),
    erlang:display([element(1, catch_all(F)) || F <- [fun() -> exit(x) end, fun() -> error(x) end, fun() -> throw(x) end, fun() -> x end]]),
    ok.

catch_all(F) ->
    try F() of V -> {value, V} catch exit:R -> {exit, R}; error:R -> {error, R}; throw:R -> {throw, R} end.
