-module(misc_system).
-export([main/0]).

main() ->
    erlang:display(erlang:system_info(wordsize)),
    erlang:display(erlang:system_info({wordsize, external})),
    erlang:display(is_process_alive(self())),
    erlang:display(self() =:= self()),
    erlang:display(is_pid(self())),
    erlang:display(node()),
    erlang:display(node(self())),
    erlang:display(is_alive()),
    erlang:display(erlang:is_builtin(erlang, abs, 1)),
    erlang:display(erlang:is_builtin(lists, map, 2)),
    erlang:display(is_reference(make_ref())),
    erlang:display(make_ref() =/= make_ref()),
    erlang:display(erlang:atom_to_binary(node())),
    erlang:display(erlang:bump_reductions(10)),
    erlang:display(erlang:garbage_collect()),
    erlang:display(get_keys() =:= get_keys()),
    erlang:display(erlang:is_map_key(a, #{a => 1})),
    ok.
