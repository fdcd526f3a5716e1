-module(app_dijkstra).
-export([main/0]).

%% Dijkstra's shortest paths with a map adjacency list and gb_sets as the
%% priority queue.
main() ->
    Edges = [{a, b, 7}, {a, c, 9}, {a, f, 14}, {b, c, 10}, {b, d, 15}, {c, d, 11}, {c, f, 2},
             {d, e, 6}, {e, f, 9}, {g, h, 1}],
    G = graph(Edges),
    {Dist, Prev} = dijkstra(G, a),
    erlang:display(lists:sort(maps:to_list(Dist))),
    erlang:display([{T, path(Prev, a, T)} || T <- [b, c, d, e, f]]),
    erlang:display(maps:get(g, Dist, unreachable)),
    Grid = grid_graph(30),
    {GD, _} = dijkstra(Grid, {0, 0}),
    erlang:display(maps:get({29, 29}, GD)),
    erlang:display(map_size(GD)),
    erlang:display(lists:max(maps:values(GD))),
    ok.

graph(Edges) ->
    lists:foldl(fun({U, V, W}, G) ->
                        G1 = maps:update_with(U, fun(L) -> [{V, W} | L] end, [{V, W}], G),
                        maps:update_with(V, fun(L) -> [{U, W} | L] end, [{U, W}], G1)
                end, #{}, Edges).

dijkstra(G, Src) -> loop(G, gb_sets:singleton({0, Src}), #{Src => 0}, #{}).

loop(G, Q, Dist, Prev) ->
    case gb_sets:is_empty(Q) of
        true -> {Dist, Prev};
        false ->
            {{D, U}, Q1} = gb_sets:take_smallest(Q),
            case D > maps:get(U, Dist) of
                true -> loop(G, Q1, Dist, Prev);
                false ->
                    {Q2, Dist2, Prev2} =
                        lists:foldl(fun({V, W}, {QA, DA, PA}) ->
                                            ND = D + W,
                                            case maps:find(V, DA) of
                                                {ok, Old} when Old =< ND -> {QA, DA, PA};
                                                _ -> {gb_sets:add({ND, V}, QA), DA#{V => ND}, PA#{V => U}}
                                            end
                                    end, {Q1, Dist, Prev}, lists:sort(maps:get(U, G, []))),
                    loop(G, Q2, Dist2, Prev2)
            end
    end.

path(_, Src, Src) -> [Src];
path(Prev, Src, T) -> path(Prev, Src, maps:get(T, Prev)) ++ [T].

grid_graph(N) ->
    maps:from_list([{{X, Y}, [{{X + DX, Y + DY}, 1 + (X * 7 + Y * 13) rem 5}
                               || {DX, DY} <- [{1, 0}, {0, 1}, {-1, 0}, {0, -1}],
                                  X + DX >= 0, X + DX < N, Y + DY >= 0, Y + DY < N]}
                    || X <- lists:seq(0, N - 1), Y <- lists:seq(0, N - 1)]).
