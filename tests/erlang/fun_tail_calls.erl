-module(fun_tail_calls).
-export([main/0, loop/2]).

%% Long loops through funs, apply/3 and external calls: each must run in
%% constant stack space.
main() ->
    Loop = fun L(0, Acc) -> Acc; L(N, Acc) -> L(N - 1, Acc + 1) end,
    erlang:display(Loop(3000000, 0)),
    erlang:display(via_fun(fun via_fun/3, 2000000, 0)),
    erlang:display(?MODULE:loop(2000000, 0)),
    erlang:display(via_apply(1000000, 0)),
    erlang:display(trampoline(fun() -> bounce(1000000) end)),
    Even = fun(F, G, N) -> case N of 0 -> true; _ -> G(G, F, N - 1) end end,
    Odd = fun(F, G, N) -> case N of 0 -> false; _ -> G(G, F, N - 1) end end,
    erlang:display(Even(Odd, Even, 1000001)),
    ok.

via_fun(_, 0, Acc) -> Acc;
via_fun(F, N, Acc) -> F(F, N - 1, Acc + 2).

loop(0, Acc) -> Acc;
loop(N, Acc) -> ?MODULE:loop(N - 1, Acc + 3).

via_apply(0, Acc) -> Acc;
via_apply(N, Acc) -> apply(fun via_apply/2, [N - 1, Acc + 1]).

bounce(0) -> {done, landed};
bounce(N) -> fun() -> bounce(N - 1) end.

trampoline(F) ->
    case F() of
        {done, V} -> V;
        Next -> trampoline(Next)
    end.
