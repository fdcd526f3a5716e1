-module(app_topo_sort).
-export([main/0]).

%% Topological sort (Kahn's algorithm) and cycle detection on a dependency
%% graph held in maps, plus strongly connected components (Tarjan).
main() ->
    Deps = #{app => [web, db, log], web => [http, log], db => [log, config], http => [socket],
             socket => [], log => [config], config => [], unused => [config]},
    erlang:display(topo(Deps)),
    Cyclic = Deps#{config => [app]},
    erlang:display(topo(Cyclic)),
    G = #{1 => [2], 2 => [3], 3 => [1, 4], 4 => [5], 5 => [6], 6 => [4], 7 => [6, 8], 8 => []},
    erlang:display(lists:sort([lists:sort(C) || C <- scc(G)])),
    erlang:display(reachable(Deps, http)),
    erlang:display(reachable(Deps, app)),
    ok.

topo(G) ->
    Nodes = lists:usort(maps:keys(G) ++ lists:append(maps:values(G))),
    InDeg = lists:foldl(fun(N, Acc) -> lists:foldl(fun(_D, A) -> maps:update_with(N, fun(X) -> X + 1 end, A) end, Acc, maps:get(N, G, [])) end,
                        maps:from_list([{N, 0} || N <- Nodes]), Nodes),
    RevG = lists:foldl(fun(N, Acc) -> lists:foldl(fun(D, A) -> maps:update_with(D, fun(L) -> [N | L] end, [N], A) end, Acc, maps:get(N, G, [])) end,
                       #{}, Nodes),
    Ready = lists:sort([N || {N, 0} <- maps:to_list(InDeg)]),
    kahn(Ready, InDeg, RevG, [], length(Nodes)).

kahn([], _, _, Acc, Total) ->
    case length(Acc) of
        Total -> {ok, lists:reverse(Acc)};
        _ -> {cycle, lists:reverse(Acc)}
    end;
kahn([N | Rest], InDeg, RevG, Acc, Total) ->
    {Ready, InDeg2} = lists:foldl(fun(M, {R, D}) ->
                                          V = maps:get(M, D) - 1,
                                          {if V =:= 0 -> [M | R]; true -> R end, D#{M := V}}
                                  end, {[], InDeg}, maps:get(N, RevG, [])),
    kahn(lists:sort(Rest ++ Ready), InDeg2, RevG, [N | Acc], Total).

reachable(G, Start) -> lists:sort(maps:keys(dfs([Start], G, #{}))).
dfs([], _, Seen) -> Seen;
dfs([N | Rest], G, Seen) when is_map_key(N, Seen) -> dfs(Rest, G, Seen);
dfs([N | Rest], G, Seen) -> dfs(maps:get(N, G, []) ++ Rest, G, Seen#{N => true}).

%% Tarjan's algorithm, state threaded through a map.
scc(G) ->
    S0 = #{index => 0, stack => [], on => #{}, idx => #{}, low => #{}, out => []},
    S = lists:foldl(fun(V, S1) -> case maps:is_key(V, maps:get(idx, S1)) of true -> S1; false -> strong(V, G, S1) end end,
                    S0, lists:sort(maps:keys(G))),
    maps:get(out, S).

strong(V, G, S0) ->
    I = maps:get(index, S0),
    S1 = S0#{index := I + 1, stack := [V | maps:get(stack, S0)], on := (maps:get(on, S0))#{V => true},
             idx := (maps:get(idx, S0))#{V => I}, low := (maps:get(low, S0))#{V => I}},
    S2 = lists:foldl(fun(W, S) ->
                             case maps:find(W, maps:get(idx, S)) of
                                 error ->
                                     SW = strong(W, G, S),
                                     Low = min(maps:get(V, maps:get(low, SW)), maps:get(W, maps:get(low, SW))),
                                     SW#{low := (maps:get(low, SW))#{V := Low}};
                                 {ok, WI} ->
                                     case maps:is_key(W, maps:get(on, S)) of
                                         true -> S#{low := (maps:get(low, S))#{V := min(maps:get(V, maps:get(low, S)), WI)}};
                                         false -> S
                                     end
                             end
                     end, S1, maps:get(V, G, [])),
    case maps:get(V, maps:get(low, S2)) =:= maps:get(V, maps:get(idx, S2)) of
        true -> pop_component(V, S2, []);
        false -> S2
    end.

pop_component(V, S = #{stack := [W | Rest], on := On}, Acc) ->
    S1 = S#{stack := Rest, on := maps:remove(W, On)},
    case W of
        V -> S1#{out := [[W | Acc] | maps:get(out, S1)]};
        _ -> pop_component(V, S1, [W | Acc])
    end.
