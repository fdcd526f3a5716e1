-module(app_game_of_life).
-export([main/0]).

%% Conway's game of life on a set of live cells (a map used as a set).
main() ->
    Glider = cells([{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}]),
    G4 = run(Glider, 4),
    erlang:display(lists:sort(maps:keys(G4))),
    erlang:display(lists:sort(maps:keys(run(Glider, 40)))),
    Blinker = cells([{0, 1}, {1, 1}, {2, 1}]),
    erlang:display([lists:sort(maps:keys(run(Blinker, N))) || N <- [0, 1, 2]]),
    RPent = cells([{1, 0}, {2, 0}, {0, 1}, {1, 1}, {1, 2}]),
    erlang:display([map_size(run(RPent, N)) || N <- [0, 10, 50, 100, 150]]),
    [erlang:display(L) || L <- render(run(RPent, 30), -8, -8, 10, 10)],
    ok.

cells(L) -> maps:from_list([{C, true} || C <- L]).

run(G, 0) -> G;
run(G, N) -> run(step(G), N - 1).

step(G) ->
    Counts = maps:fold(fun({X, Y}, _, Acc) ->
                               lists:foldl(fun(C, A) -> maps:update_with(C, fun(V) -> V + 1 end, 1, A) end,
                                           Acc, [{X + DX, Y + DY} || DX <- [-1, 0, 1], DY <- [-1, 0, 1], {DX, DY} =/= {0, 0}])
                       end, #{}, G),
    maps:from_list([{C, true} || {C, N} <- maps:to_list(Counts), N =:= 3 orelse (N =:= 2 andalso maps:is_key(C, G))]).

render(G, X0, Y0, X1, Y1) ->
    [[case maps:is_key({X, Y}, G) of true -> $#; false -> $. end || X <- lists:seq(X0, X1)] || Y <- lists:seq(Y0, Y1)].
