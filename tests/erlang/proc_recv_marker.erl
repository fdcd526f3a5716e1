-module(proc_recv_marker).
-export([main/0]).

%% make_ref() then a receive on that reference: the receive must still
%% see the reply (and only skip older messages), with a deep mailbox,
%% with replies from other processes and with nested calls.
main() ->
    [self() ! {junk, N} || N <- lists:seq(1, 20000)],
    Server = spawn(fun server/0),
    Replies = [call(Server, N) || N <- lists:seq(1, 2000)],
    erlang:display(lists:sum(Replies)),
    erlang:display(process_info(self(), message_queue_len)),
    %% a reply that arrived before the receive started
    Ref = make_ref(),
    self() ! {Ref, early},
    erlang:display(receive {Ref, V} -> V end),
    %% nested: a call inside a call
    erlang:display(call(Server, {nested, Server})),
    %% old messages are still there, in order
    erlang:display([receive {junk, K} -> K end || _ <- [1, 2, 3]]),
    Server ! stop,
    ok.

call(Server, Req) ->
    Ref = make_ref(),
    Server ! {self(), Ref, Req},
    receive {Ref, Reply} -> Reply end.

server() ->
    receive
        {From, Ref, {nested, S}} -> From ! {Ref, {nested_reply, self() =:= S}}, server();
        {From, Ref, N} -> From ! {Ref, N * 2}, server();
        stop -> ok
    end.
