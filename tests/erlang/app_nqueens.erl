-module(app_nqueens).
-export([main/0]).

main() ->
    erlang:display([{N, length(queens(N))} || N <- lists:seq(1, 8)]),
    erlang:display(hd(queens(8))),
    erlang:display(lists:last(queens(8))),
    erlang:display(board(hd(queens(6)))),
    erlang:display(count_bits(10)),
    ok.

queens(N) -> queens(N, N).
queens(_, 0) -> [[]];
queens(N, K) -> [[Q | Qs] || Qs <- queens(N, K - 1), Q <- lists:seq(1, N), safe(Q, Qs, 1)].

safe(_, [], _) -> true;
safe(Q, [Q1 | Qs], D) -> Q =/= Q1 andalso abs(Q - Q1) =/= D andalso safe(Q, Qs, D + 1).

board(Qs) -> [[if C =:= Q -> $Q; true -> $. end || C <- lists:seq(1, length(Qs))] || Q <- Qs].

%% Bitmask backtracking count.
count_bits(N) -> solve(N, (1 bsl N) - 1, 0, 0, 0).
solve(_, All, Cols, _, _) when Cols =:= All -> 1;
solve(N, All, Cols, D1, D2) ->
    Avail = All band bnot (Cols bor D1 bor D2),
    place(N, All, Cols, D1, D2, Avail, 0).
place(_, _, _, _, _, 0, Acc) -> Acc;
place(N, All, Cols, D1, D2, Avail, Acc) ->
    Bit = Avail band (-Avail),
    Sub = solve(N, All, Cols bor Bit, ((D1 bor Bit) bsl 1) band All, (D2 bor Bit) bsr 1),
    place(N, All, Cols, D1, D2, Avail bxor Bit, Acc + Sub).
