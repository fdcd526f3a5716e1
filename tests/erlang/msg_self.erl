-module(msg_self).
-export([main/0]).
main() ->
    self() ! hello, self() ! {data, 42}, self() ! other,
    R1 = receive {data, X} -> X end,
    R2 = receive hello -> got_hello end,
    R3 = receive Y -> Y after 0 -> none end,
    R4 = receive Z -> Z after 50 -> timeout end,
    Ref = make_ref(), self() ! {Ref, ok},
    R5 = receive {Ref, V} -> V end,
    erlang:display({R1, R2, R3, R4, R5}),
    erlang:display(try nosuchname ! x catch C1:E1 -> {C1, E1} end),
    erlang:display(try receive after -1 -> x end catch C2:E2 -> {C2, E2} end),
    erlang:display(try erlang:send(self(), 1.5) catch C3:E3 -> {C3, E3} end),
    erlang:display(receive 1.5 -> float_msg after 0 -> none end),
    erlang:display(receive _ -> left after 0 -> empty end),
    ok.
