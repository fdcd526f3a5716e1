-module(proc_links).
-export([main/0]).

%% Links, trap_exit, exit/2, kill, and the reasons that travel.
main() ->
    process_flag(trap_exit, true),
    A = spawn_link(fun() -> receive go -> exit(normal) end end),
    A ! go,
    erlang:display(receive {'EXIT', A, R1} -> {a, R1} after 1000 -> none end),
    B = spawn_link(fun() -> receive after infinity -> ok end end),
    exit(B, kill),
    erlang:display(receive {'EXIT', B, R2} -> {b, R2} after 1000 -> none end),
    C = spawn_link(fun() -> receive after infinity -> ok end end),
    exit(C, some_reason),
    erlang:display(receive {'EXIT', C, R3} -> {c, R3} after 1000 -> none end),
    D = spawn(fun() -> receive after infinity -> ok end end),
    link(D),
    unlink(D),
    exit(D, kill),
    erlang:display(receive {'EXIT', D, _} -> linked_still after 50 -> unlinked end),
    %% a chain: the middle one dies of its link, the watcher sees the reason
    Parent = self(),
    E = spawn(fun() ->
                  F = spawn_link(fun() -> receive die -> exit(chain) end end),
                  Parent ! {f, F},
                  receive after infinity -> ok end
              end),
    link(E),
    F = receive {f, Pid} -> Pid end,
    F ! die,
    erlang:display(receive {'EXIT', E, R4} -> {e, R4} after 1000 -> none end),
    erlang:display(is_process_alive(F)),
    erlang:display(catch link(list_to_pid("<0.32767.8191>"))),
    erlang:display(receive {'EXIT', _, noproc} -> noproc_msg after 100 -> none end),
    %% trap_exit off: a linked crash kills, caught by a monitor
    {G, Ref} = spawn_monitor(fun() ->
                                 process_flag(trap_exit, false),
                                 _ = spawn_link(fun() -> exit(boom) end),
                                 receive after infinity -> ok end
                             end),
    erlang:display(receive {'DOWN', Ref, process, G, R5} -> {g, R5} after 1000 -> none end),
    ok.
