-module(fun_in_comprehension).
-export([main/0]).

main() ->
    Fs = [fun(X) -> X + 1 end, fun(X) -> X * 2 end, fun(X) -> X * X end],
    erlang:display([F(X) || F <- Fs, X <- [1, 2, 3]]),
    erlang:display([F(10) || F <- Fs, F(1) > 1]),
    Preds = [fun erlang:is_integer/1, fun erlang:is_atom/1],
    erlang:display([[V || V <- [1, a, "s", 2, b], P(V)] || P <- Preds]),
    Makers = [fun(N) -> fun() -> N * K end end || K <- [1, 10, 100]],
    erlang:display([(M(5))() || M <- Makers]),
    erlang:display(lists:map(fun({F, A}) -> F(A) end, [{fun atom_to_list/1, abc}, {fun length/1, [1, 2]}])),
    erlang:display(<< <<(F(B))>> || <<B>> <= <<1, 2, 3>>, F <- [fun(X) -> X end, fun(X) -> X + 100 end] >>),
    Table = [{N, fun(X) -> X rem N =:= 0 end} || N <- [2, 3, 5]],
    erlang:display([{N, [X || X <- lists:seq(1, 20), P(X)]} || {N, P} <- Table]),
    erlang:display(lists:foldl(fun(F, Acc) -> F(Acc) end, 1, [fun(X) -> X + I end || I <- lists:seq(1, 10)])),
    ok.
