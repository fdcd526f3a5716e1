-module(app_sudoku).
-export([main/0]).

%% A backtracking sudoku solver on a tuple of 81 cells.
main() ->
    Puzzle = "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    Grid = list_to_tuple([C - $0 || C <- Puzzle]),
    {ok, Sol} = solve(Grid),
    [erlang:display(row(Sol, R)) || R <- lists:seq(0, 8)],
    erlang:display(valid(Sol)),
    Hard = "200080300060070084030500209000105408000000000402706000301007040720040060004010003",
    {ok, Sol2} = solve(list_to_tuple([C - $0 || C <- Hard])),
    erlang:display([row(Sol2, R) || R <- [0, 8]]),
    erlang:display(valid(Sol2)),
    Bad = setelement(2, Grid, 5),
    erlang:display(solve(Bad)),
    ok.

row(G, R) -> [element(R * 9 + C + 1, G) || C <- lists:seq(0, 8)].

solve(G) ->
    case find_empty(G, 1) of
        none -> {ok, G};
        I -> try_values(G, I, candidates(G, I))
    end.

try_values(_, _, []) -> no_solution;
try_values(G, I, [V | Vs]) ->
    case solve(setelement(I, G, V)) of
        {ok, S} -> {ok, S};
        no_solution -> try_values(G, I, Vs)
    end.

find_empty(_, 82) -> none;
find_empty(G, I) when element(I, G) =:= 0 -> I;
find_empty(G, I) -> find_empty(G, I + 1).

candidates(G, I) ->
    R = (I - 1) div 9, C = (I - 1) rem 9,
    Used = [element(R * 9 + K + 1, G) || K <- lists:seq(0, 8)] ++
           [element(K * 9 + C + 1, G) || K <- lists:seq(0, 8)] ++
           [element((R div 3 * 3 + DR) * 9 + C div 3 * 3 + DC + 1, G) || DR <- [0, 1, 2], DC <- [0, 1, 2]],
    [V || V <- lists:seq(1, 9), not lists:member(V, Used)].

valid(G) ->
    Units = [[R * 9 + C + 1 || C <- lists:seq(0, 8)] || R <- lists:seq(0, 8)] ++
            [[R * 9 + C + 1 || R <- lists:seq(0, 8)] || C <- lists:seq(0, 8)] ++
            [[(BR * 3 + DR) * 9 + BC * 3 + DC + 1 || DR <- [0, 1, 2], DC <- [0, 1, 2]] || BR <- [0, 1, 2], BC <- [0, 1, 2]],
    lists:all(fun(U) -> lists:sort([element(I, G) || I <- U]) =:= lists:seq(1, 9) end, Units).
