-module(proc_spawn_exit_counts).
-export([main/0]).
%% 600 processes spawned from the first one: 500 end normally, 100 exit
%% with another reason (no crash report: exit/1 is not an error). With
%% kbeam.ko and its kbeam_spawn/kbeam_exit tracepoints on, the guest's
%% kbeam_events_test counts them in the trace.

main() ->
    Self = self(),
    Normal = [spawn(fun() -> Self ! {done, self()} end) || _ <- lists:seq(1, 500)],
    Other = [spawn(fun() -> receive go -> exit(crash) end end) || _ <- lists:seq(1, 100)],
    Refs = [monitor(process, P) || P <- Other],
    [P ! go || P <- Other],
    Reasons = [receive {'DOWN', R, process, _, Why} -> Why end || R <- Refs],
    Done = [receive {done, P} -> P end || P <- Normal],
    erlang:display({length(Done), lists:usort(Reasons)}),
    erlang:display(length(lists:usort(Normal ++ Other))),
    ok.
