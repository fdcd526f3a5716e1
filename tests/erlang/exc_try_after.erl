-module(exc_try_after).
-export([main/0, id/1]).

id(X) -> X.

log(X) -> put(log, [X | get_log()]).
get_log() -> case get(log) of undefined -> []; L -> L end.
take_log() -> lists:reverse(erase(log)).

main() ->
    erlang:display(run(fun() -> value end)),
    erlang:display(take_log()),
    erlang:display(run(fun() -> throw(t) end)),
    erlang:display(take_log()),
    erlang:display(run(fun() -> error(e) end)),
    erlang:display(take_log()),
    erlang:display(catch_outside(fun() -> exit(x) end)),
    erlang:display(take_log()),
    erlang:display(after_only(fun() -> ok end)),
    erlang:display(take_log()),
    erlang:display(try after_only(fun() -> throw(escaped) end) catch throw:T -> {outer, T} end),
    erlang:display(take_log()),
    erlang:display(nested_after()),
    erlang:display(take_log()),
    erlang:display(after_value_ignored()),
    erlang:display(take_log()),
    erlang:display(try after_raises() catch C:R -> {C, R} end),
    erlang:display(take_log()),
    erlang:display(loop_with_after(5, 0)),
    erlang:display(take_log()),
    ok.

run(F) ->
    try F() of
        V -> log({of_clause, V}), {ok, V}
    catch
        C:R -> log({catch_clause, C, R}), {caught, C, R}
    after
        log(after_ran)
    end.

catch_outside(F) ->
    try run(F) catch exit:X -> log(outer_catch), {outer, X} end.

after_only(F) ->
    try F() after log(after_only) end.

nested_after() ->
    try
        try throw(inner)
        after log(inner_after)
        end
    catch throw:X -> log({caught, X}), X
    after log(outer_after)
    end.

after_value_ignored() ->
    try id(body_value) after log(ignored), id(after_value) end.

after_raises() ->
    try throw(first) after log(raising_after), error(from_after) end.

loop_with_after(0, Acc) -> Acc;
loop_with_after(N, Acc) ->
    R = try if N rem 2 =:= 0 -> throw(N); true -> N end
        catch throw:V -> -V
        after log({iter, N})
        end,
    loop_with_after(N - 1, Acc + R).
