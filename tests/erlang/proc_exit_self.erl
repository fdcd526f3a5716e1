-module(proc_exit_self).
-export([main/0]).

%% exit(self(), Reason): no catch stops it; trap_exit turns it into a
%% message, except for kill.
main() ->
    process_flag(trap_exit, true),
    run(fun() -> catch exit(self(), stop_now), reached end),
    run(fun() -> try exit(self(), stop_now) catch _:_ -> caught end end),
    run(fun() -> exit(self(), normal), receive after 10 -> still_alive end end),
    run(fun() -> process_flag(trap_exit, true), exit(self(), hello),
                 receive {'EXIT', _, hello} -> trapped end end),
    run(fun() -> process_flag(trap_exit, true), catch exit(self(), kill), reached end),
    ok.

run(F) ->
    Self = self(),
    P = spawn_link(fun() -> Self ! {result, F()} end),
    erlang:display(receive {result, R} -> {returned, R}; {'EXIT', P, Why} -> {died, Why} end),
    receive {'EXIT', P, _} -> ok after 100 -> ok end.
