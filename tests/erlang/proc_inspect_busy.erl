-module(proc_inspect_busy).
-export([main/0]).
%% process_info/2 and garbage_collect/1 of processes that never stop
%% running: each call comes back (the busy process is set aside for its
%% inspector at the end of a slice), however many inspect at once, and an
%% inspector killed while it waits leaves the busy process running.

main() ->
    Busy = [spawn(fun() -> spin(0) end) || _ <- lists:seq(1, 3)],
    erlang:display(lists:usort([is_integer(element(2, process_info(B, reductions)))
                                || B <- Busy, _ <- lists:seq(1, 300)])),
    erlang:display(lists:usort([garbage_collect(B) || B <- Busy, _ <- lists:seq(1, 100)])),
    Self = self(),
    [B1 | _] = Busy,
    Ins = [spawn(fun() ->
                         Self ! {self(), lists:usort([element(1, process_info(B1, reductions))
                                                      || _ <- lists:seq(1, 200)])}
                 end) || _ <- lists:seq(1, 4)],
    erlang:display([receive {I, S} -> S end || I <- Ins]),
    Killed = [spawn(fun() -> inspect_forever(B1) end) || _ <- lists:seq(1, 4)],
    receive after 30 -> ok end,
    [exit(K, kill) || K <- Killed],
    {reductions, R1} = process_info(B1, reductions),
    receive after 30 -> ok end,
    {reductions, R2} = process_info(B1, reductions),
    erlang:display(R2 > R1),
    [exit(B, kill) || B <- Busy],
    erlang:display([is_process_alive(P) || P <- Killed]),
    ok.

inspect_forever(P) ->
    _ = process_info(P, reductions),
    _ = garbage_collect(P),
    inspect_forever(P).

%% runs until killed
spin(N) -> spin(N + 1).
