-module(list_comprehension_nested).
-export([main/0]).

main() ->
    M = [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    erlang:display(transpose(M)),
    erlang:display(mul(M, M)),
    erlang:display([[X * Y || X <- lists:seq(1, 5)] || Y <- lists:seq(1, 5)]),
    erlang:display([{X, Y, Z} || X <- [1, 2], Y <- [X, X + 1], Z <- lists:seq(Y, 3)]),
    erlang:display([X || L <- M, X <- L, X rem 2 =:= 1]),
    erlang:display([lists:sum(R) || R <- M]),
    erlang:display(qsort([5, 3, 8, 1, 9, 2, 7, 3, 5])),
    erlang:display(primes(100)),
    erlang:display([[C || C <- W, C =/= $a] || W <- ["banana", "apple", "cherry"]]),
    erlang:display(length([{A, B, C} || A <- lists:seq(1, 20), B <- lists:seq(1, 20), C <- lists:seq(1, 20), A + B + C =:= 30])),
    erlang:display([{K, [V || {K2, V} <- kv(), K2 =:= K]} || K <- lists:usort([K || {K, _} <- kv()])]),
    ok.

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].

mul(A, B) ->
    BT = transpose(B),
    [[lists:sum([X * Y || {X, Y} <- lists:zip(Row, Col)]) || Col <- BT] || Row <- A].

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

primes(N) -> [P || P <- lists:seq(2, N), [] =:= [D || D <- lists:seq(2, P - 1), P rem D =:= 0]].

kv() -> [{a, 1}, {b, 2}, {a, 3}, {c, 4}, {b, 5}, {a, 6}].
