-module(misc_ident_text).
-export([main/0]).

%% Funs, pids, ports and references as text and back.
main() ->
    P = self(),
    erlang:display(list_to_pid(pid_to_list(P)) =:= P),
    erlang:display(hd(pid_to_list(P))),
    R = make_ref(),
    erlang:display(list_to_ref(ref_to_list(R)) =:= R),
    erlang:display(lists:prefix("#Ref<0.", ref_to_list(R))),
    erlang:display(list_to_pid("<0.1.2>")),
    erlang:display(pid_to_list(list_to_pid("<0.32767.8191>"))),
    erlang:display(port_to_list(list_to_port("#Port<0.5>"))),
    erlang:display(ref_to_list(list_to_ref("#Ref<0.1.65536.7>"))),
    N = 3,
    Funs = [fun() -> ok end, fun(X) -> X + N end, fun Loop(0) -> 0; Loop(K) -> Loop(K - 1) end,
            fun lists:map/2, fun ?MODULE:main/0, fun 'odd name':'odd fun'/1],
    [erlang:display(erlang:fun_to_list(F)) || F <- Funs],
    erlang:display([try F(A) catch C:E -> {C, E} end
                    || F <- [fun erlang:list_to_pid/1, fun erlang:list_to_port/1,
                             fun erlang:list_to_ref/1, fun erlang:pid_to_list/1,
                             fun erlang:fun_to_list/1],
                       A <- ["<0.1.2", "#Port<1.2>", a]]),
    ok.
