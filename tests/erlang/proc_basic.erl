-module(proc_basic).
-export([main/0, echo/0, child/1]).

echo() ->
    receive
        {From, Msg} -> From ! {self(), {echo, Msg}}, echo();
        stop -> ok
    end.

child(N) -> exit({child_done, N}).

main() ->
    Self = self(),
    E = spawn(?MODULE, echo, []),
    E ! {Self, hello},
    R1 = receive {E, X} -> X end,
    E ! {Self, [1,2,{3,<<"bin">>}]},
    R2 = receive {E, Y} -> Y end,
    erlang:display({R1, R2}),
    E ! stop,
    %% links and trap_exit
    process_flag(trap_exit, true),
    P = spawn_link(?MODULE, child, [7]),
    receive {'EXIT', P, Why} -> erlang:display({exit_seen, Why}) end,
    %% monitors
    {M, Ref} = spawn_monitor(fun() -> exit(bye) end),
    receive {'DOWN', Ref, process, M, R} -> erlang:display({down, R}) end,
    Ref2 = monitor(process, M),
    receive {'DOWN', Ref2, process, M, R3} -> erlang:display({down_after, R3}) end,
    %% registry
    Q = spawn(fun() -> receive {ping, From} -> From ! pong end end),
    true = register(pinger, Q),
    erlang:display(whereis(pinger) =:= Q),
    pinger ! {ping, self()},
    receive pong -> erlang:display(pong) end,
    %% a ring
    erlang:display(ring(100, 1000)),
    %% timeouts with other processes
    T = spawn(fun() -> receive after 30 -> Self ! late end end),
    R5 = receive late -> got_late after 1000 -> none end,
    erlang:display({R5, is_pid(T)}),
    %% many processes
    Pids = [spawn(fun() -> receive {go, F} -> F ! {done, N * N} end end) || N <- lists:seq(1, 1000)],
    [Pid ! {go, self()} || Pid <- Pids],
    Sum = lists:sum([receive {done, V} -> V end || _ <- Pids]),
    erlang:display(Sum),
    ok.

ring(N, Laps) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, N)),
    First ! {token, N * Laps},
    receive {token, 0} -> done; {token, K} -> ring_wait(First, K) end.

ring_wait(First, K) ->
    First ! {token, K - 1},
    receive {token, 0} -> {ring_done}; {token, J} -> ring_wait(First, J) end.

relay(Next) ->
    receive {token, 0} -> Next ! {token, 0};
            {token, K} -> Next ! {token, K - 1}, relay(Next) end.
