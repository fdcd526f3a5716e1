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
    erlang:display(catch (nosuchname ! x)),
    erlang:display(catch receive after -1 -> x end),
    ok.
