-module(fun_in_data).
-export([main/0]).

main() ->
    Ops = #{add => fun(A, B) -> A + B end, sub => fun(A, B) -> A - B end,
            mul => fun(A, B) -> A * B end, pow => fun(A, B) -> round(math:pow(A, B)) end},
    erlang:display([{Op, (maps:get(Op, Ops))(7, 3)} || Op <- [add, sub, mul, pow]]),
    Handlers = [{is_integer, fun(X) -> {int, X + 1} end}, {is_atom, fun(X) -> {atom, atom_to_list(X)} end},
                {is_list, fun(X) -> {list, length(X)} end}],
    erlang:display([dispatch(V, Handlers) || V <- [1, a, [1, 2], {t}]]),
    T = {fun(X) -> X * 10 end, fun(X) -> X + 10 end},
    erlang:display({(element(1, T))(5), (element(2, T))(5)}),
    Stack = lists:foldl(fun(F, Acc) -> F(Acc) end, [], [fun(S) -> [1 | S] end, fun(S) -> [2 | S] end, fun([H | S]) -> [H * 10 | S] end]),
    erlang:display(Stack),
    Rec = {state, fun(N) -> N * N end, 3},
    {state, Fn, Arg} = Rec,
    erlang:display(Fn(Arg)),
    Bin = term_to_binary(fun lists:sum/1),
    erlang:display((binary_to_term(Bin))([1, 2, 3])),
    Q = queue:from_list([fun() -> first end, fun() -> second end]),
    {{value, Front}, _} = queue:out(Q),
    erlang:display(Front()),
    ok.

dispatch(V, []) -> {unhandled, V};
dispatch(V, [{Test, F} | Rest]) ->
    case erlang:Test(V) of
        true -> F(V);
        false -> dispatch(V, Rest)
    end.
