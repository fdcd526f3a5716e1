-module(arith_overflow).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    %% Around the boundaries of 60-bit, 63-bit and 64-bit integers.
    Edges = [1 bsl 59 - 1, 1 bsl 59, 1 bsl 60 - 1, 1 bsl 60, 1 bsl 62, 1 bsl 63 - 1,
             1 bsl 63, 1 bsl 64 - 1, 1 bsl 64],
    [begin
         erlang:display({E, E + 1, E - 1, -E, -E - 1}),
         erlang:display({E * 2, E * E, E div 3, E rem 7})
     end || E <- [id(X) || X <- Edges]],
    %% Growing into bignums and shrinking back.
    Big = grow(id(1), 100),
    erlang:display(Big),
    erlang:display(shrink(Big, 100)),
    erlang:display(is_integer(shrink(Big, 100))),
    erlang:display(Big - Big),
    erlang:display((Big + 1) - Big),
    erlang:display(Big div Big),
    erlang:display(-Big + Big + 5),
    M = id(576460752303423487),
    erlang:display(M + 1),
    erlang:display(M + 1 - 1),
    erlang:display(-M - 1),
    erlang:display(-M - 2),
    erlang:display(M * M),
    erlang:display(M * -M),
    erlang:display(abs(-M - 2)),
    erlang:display((M + 1) bsr 1),
    erlang:display([X + Y || X <- [M, -M], Y <- [1, 2, -1, -2]]),
    erlang:display([X * Y || X <- [M, -M, 3], Y <- [2, -2, M]]),
    erlang:display(lists:sum([M || _ <- lists:seq(1, 10)])),
    erlang:display(lists:foldl(fun(X, A) -> A - X end, 0, [M || _ <- lists:seq(1, 5)])),
    ok.

grow(X, 0) -> X;
grow(X, N) -> grow(X * 3 + 1, N - 1).

shrink(X, 0) -> X;
shrink(X, N) -> shrink((X - 1) div 3, N - 1).
