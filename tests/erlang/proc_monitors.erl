-module(proc_monitors).
-export([main/0]).

%% Monitors: DOWN reasons, demonitor with flush and info, noproc, names.
main() ->
    {P, R} = spawn_monitor(fun() -> receive stop -> ok end end),
    P ! stop,
    erlang:display(receive {'DOWN', R, process, P, W} -> {down, W} end),
    Q = spawn(fun() -> receive after infinity -> ok end end),
    R2 = monitor(process, Q),
    erlang:display(demonitor(R2, [info])),
    erlang:display(demonitor(R2, [info])),
    exit(Q, kill),
    erlang:display(receive {'DOWN', R2, _, _, _} -> got after 50 -> none end),
    S = spawn(fun() -> receive after infinity -> ok end end),
    R3 = monitor(process, S),
    exit(S, kill),
    timer_sleep(20),
    erlang:display(demonitor(R3, [flush])),
    erlang:display(receive {'DOWN', R3, _, _, _} -> still_there after 0 -> flushed end),
    R4 = monitor(process, list_to_pid("<0.32767.8191>")),
    erlang:display(receive {'DOWN', R4, process, _, Why} -> Why end),
    R5 = monitor(process, no_such_name),
    erlang:display(receive {'DOWN', R5, process, Who, Why5} -> {Who, Why5} end),
    T = spawn(fun() -> receive after infinity -> ok end end),
    register(watched, T),
    R6 = monitor(process, watched),
    exit(T, bye),
    erlang:display(receive {'DOWN', R6, process, _, Why6} -> Why6 end),
    erlang:display(whereis(watched)),
    Ms = [begin {Pd, Rf} = spawn_monitor(fun() -> exit({n, N}) end), {Pd, Rf} end
          || N <- lists:seq(1, 20)],
    erlang:display(lists:sort([receive {'DOWN', Rf, process, Pd, Rs} -> Rs end || {Pd, Rf} <- Ms])),
    ok.

timer_sleep(Ms) -> receive after Ms -> ok end.
