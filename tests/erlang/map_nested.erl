-module(map_nested).
-export([main/0]).

main() ->
    DB0 = #{},
    DB1 = put_in(DB0, [users, alice, age], 30),
    DB2 = put_in(DB1, [users, alice, email], "a@x"),
    DB3 = put_in(DB2, [users, bob, age], 25),
    DB4 = put_in(DB3, [config, theme], dark),
    erlang:display(DB4),
    erlang:display(get_in(DB4, [users, alice, age])),
    erlang:display(get_in(DB4, [users, carol, age])),
    erlang:display(get_in(DB4, [config])),
    DB5 = update_in(DB4, [users, bob, age], fun(A) -> A + 1 end),
    erlang:display(get_in(DB5, [users, bob])),
    erlang:display(maps:keys(maps:get(users, DB5))),
    #{users := #{alice := #{email := E}}} = DB5,
    erlang:display(E),
    erlang:display(depth(DB5)),
    erlang:display(flatten(DB5)),
    ok.

put_in(M, [K], V) -> M#{K => V};
put_in(M, [K | Ks], V) -> M#{K => put_in(maps:get(K, M, #{}), Ks, V)}.

get_in(V, []) -> V;
get_in(M, [K | Ks]) when is_map(M) ->
    case M of
        #{K := Sub} -> get_in(Sub, Ks);
        _ -> undefined
    end.

update_in(M, [K], F) -> M#{K := F(maps:get(K, M))};
update_in(M, [K | Ks], F) -> M#{K := update_in(maps:get(K, M), Ks, F)}.

depth(M) when is_map(M) -> 1 + lists:max([0 | [depth(V) || V <- maps:values(M)]]);
depth(_) -> 0.

flatten(M) -> lists:sort(flatten(M, [])).
flatten(M, Path) when is_map(M) -> lists:append([flatten(V, Path ++ [K]) || {K, V} <- maps:to_list(M)]);
flatten(V, Path) -> [{Path, V}].
