-module(app_lru_cache).
-export([main/0]).

%% An LRU cache: a map from key to {value, tick} and a gb_trees index from
%% tick to key; simulated over a deterministic access pattern.
-record(lru, {cap, tick = 0, items = #{}, order = gb_trees:empty(), hits = 0, misses = 0}).

main() ->
    C0 = #lru{cap = 3},
    {R1, C1} = get(a, put(c, 3, put(b, 2, put(a, 1, C0)))),
    erlang:display(R1),
    C2 = put(d, 4, C1),
    erlang:display(keys(C2)),
    {R2, C3} = get(b, C2),
    erlang:display(R2),
    erlang:display(keys(put(e, 5, C3))),
    Big = lists:foldl(fun(I, C) ->
                              K = (I * I + 7 * I) rem 37,
                              case get(K, C) of
                                  {miss, C9} -> put(K, I, C9);
                                  {{hit, _}, C9} -> C9
                              end
                      end, #lru{cap = 10}, lists:seq(1, 5000)),
    erlang:display({Big#lru.hits, Big#lru.misses, map_size(Big#lru.items), gb_trees:size(Big#lru.order)}),
    erlang:display(lists:sort(keys(Big))),
    ok.

put(K, V, #lru{items = Items, order = Order} = C) ->
    Order1 = case Items of
                 #{K := {_, T}} -> gb_trees:delete(T, Order);
                 _ -> Order
             end,
    C1 = touch(K, V, C#lru{order = Order1}),
    evict(C1).

get(K, #lru{items = Items, order = Order} = C) ->
    case Items of
        #{K := {V, T}} ->
            C1 = touch(K, V, C#lru{order = gb_trees:delete(T, Order)}),
            {{hit, V}, C1#lru{hits = C1#lru.hits + 1}};
        _ -> {miss, C#lru{misses = C#lru.misses + 1}}
    end.

touch(K, V, #lru{tick = T, items = Items, order = Order} = C) ->
    C#lru{tick = T + 1, items = Items#{K => {V, T}}, order = gb_trees:insert(T, K, Order)}.

evict(#lru{cap = Cap, items = Items, order = Order} = C) when map_size(Items) > Cap ->
    {_, K, Order1} = gb_trees:take_smallest(Order),
    evict(C#lru{items = maps:remove(K, Items), order = Order1});
evict(C) -> C.

keys(#lru{order = Order}) -> gb_trees:values(Order).
